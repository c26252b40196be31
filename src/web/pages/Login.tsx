const Page = () => <div>Login</div>;
export default Page;
