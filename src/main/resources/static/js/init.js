/*
 * Equity Lens: starts NHS.UK frontend's JavaScript components.
 *
 * Loaded by layout.html as <script type="module">, so it is not an inline script (the pages' content
 * security policy allows none) and it runs only in browsers that NHS.UK frontend supports; other
 * browsers get the page without JavaScript enhancements. The relative import keeps working under a
 * servlet context path.
 */
import { initAll } from '../nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
