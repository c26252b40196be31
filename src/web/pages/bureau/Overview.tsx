const Page = () => <div>bureau/Overview</div>;
export default Page;
