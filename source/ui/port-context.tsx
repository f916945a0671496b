/** The ActionPort (what the views may ask of AWS) reaches the views through context; tests pass a fake. */
import {createContext, useContext, type ReactNode} from 'react';
import type {ActionPort} from '../core/ports.js';

const PortContext = createContext<ActionPort | undefined>(undefined);

export function PortProvider({port, children}: {readonly port: ActionPort; readonly children: ReactNode}) {
	return <PortContext.Provider value={port}>{children}</PortContext.Provider>;
}

export function usePort(): ActionPort {
	const port = useContext(PortContext);
	if (!port) throw new Error('usePort must be used inside <PortProvider>');
	return port;
}
