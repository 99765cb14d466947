/** The view's filters live in core (the exports apply the same ones); the web reads them from here. */
export { computeVisibility, dateRange, validOn, type Visibility } from '../../../core/graph/view-filters.js';
