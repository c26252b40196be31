/** Global setup of the projects whose tests run bin/jixiao: its bundle made once, before they start. */
import { cliBundle } from './prebuild.ts';

export default cliBundle;
