const Page = () => <div>admin/Departments</div>;
export default Page;
