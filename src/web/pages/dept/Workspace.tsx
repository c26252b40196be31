const Page = () => <div>dept/Workspace</div>;
export default Page;
