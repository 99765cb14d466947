/** Entry point of the Aktörsatlas front end. */
import './styles.css';
import { startApp } from './app/app.js';

const mount = document.getElementById('app');
if (mount) startApp(mount);
