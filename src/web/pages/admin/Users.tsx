const Page = () => <div>admin/Users</div>;
export default Page;
