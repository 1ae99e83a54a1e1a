/** The modules that write parts of the periodic report: importing this list registers their blocks. */
import '../dossiers/reportBlocks.js';
import '../plans/reportBlocks.js';
import '../par/reportBlocks.js';
import '../feedback/indicators.js';
import '../indicators/reportBlocks.js';
import '../legalDocs/reportBlocks.js';
import '../staffing/reportBlocks.js';
import '../surveys/indicators.js';
