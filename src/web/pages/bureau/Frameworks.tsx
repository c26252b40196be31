const Page = () => <div>bureau/Frameworks</div>;
export default Page;
