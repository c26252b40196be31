const Page = () => <div>public/PublicReport</div>;
export default Page;
