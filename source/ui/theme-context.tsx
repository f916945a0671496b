/** The theme (colour on/off, ASCII symbols) reaches the views through context. */
import {createContext, useContext, type ReactNode} from 'react';
import {DEFAULT_THEME, type Theme} from './theme.js';

const ThemeContext = createContext<Theme>(DEFAULT_THEME);

export function ThemeProvider({theme, children}: {readonly theme: Theme; readonly children: ReactNode}) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
