/** The PAR index of the latest round published by the window's end (the results page's index; the province's: the mean of its units'). */
import '../../par/indicators.js';
import { indicatorTile } from './fromIndicator.js';

export const parIndex = indicatorTile('parIndex', 'par.index');
