import { connect } from './api/connect';
import { askFirstPageEarly } from './components/library/firstPage';
import './styles.css';

// The library's first page is asked for before anything else: the service works on it while the
// rest of the application (editor, schemas, translations: most of the code) loads and starts.
const connection = connect();
if (connection.api) askFirstPageEarly(connection.api, window.location.hash);
void import('./boot').then(({ boot }) => boot(connection));
