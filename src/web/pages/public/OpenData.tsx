const Page = () => <div>public/OpenData</div>;
export default Page;
