const Page = () => <div>bureau/Review</div>;
export default Page;
