const Page = () => <div>bureau/ReportList</div>;
export default Page;
