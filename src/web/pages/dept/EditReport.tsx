const Page = () => <div>dept/EditReport</div>;
export default Page;
