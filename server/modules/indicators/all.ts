/** The modules whose figures are indicators: importing this list registers them all. */
import '../dossiers/indicators.js';
import '../plans/indicators.js';
import '../par/indicators.js';
import '../feedback/indicators.js';
import '../legalDocs/reportBlocks.js';
import '../staffing/reportBlocks.js';
import '../surveys/indicators.js';
