import { connect } from './api/connect';
import { askSettingsEarly } from './api/earlySettings';
import { askFirstPageEarly } from './components/library/firstPage';
import { applyThemeEarly } from './preferences/earlyTheme';
import './styles.css';
import './themes.css';

applyThemeEarly();
// The settings and the library's first page are asked for before anything else: the service
// answers while the rest of the application (editor, schemas, translations: most of the code)
// loads and starts.
const connection = connect();
if (connection.api) {
  askSettingsEarly(connection.api);
  askFirstPageEarly(connection.api, window.location.hash);
}
void import('./boot').then(({ boot }) => boot(connection));
