const Page = () => <div>dept/CreateReport</div>;
export default Page;
