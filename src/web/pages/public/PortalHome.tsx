const Page = () => <div>public/PortalHome</div>;
export default Page;
