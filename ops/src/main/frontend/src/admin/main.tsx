import { createRoot } from 'react-dom/client';
import { App } from './App';
import './portal.css';

createRoot(document.getElementById('root')!).render(<App />);
