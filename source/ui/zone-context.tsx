/**
 * The zone absolute times are shown in: the machine's by default, UTC with --utc (the CLI decides
 * and passes it to <App/>). Without a provider (tests) it is UTC, so frames never depend on the machine.
 */
import {createContext, useContext} from 'react';
import {UTC_ZONE, type DisplayZone} from '../core/time-zone.js';

const ZoneContext = createContext<DisplayZone>(UTC_ZONE);

export const ZoneProvider = ZoneContext.Provider;

export function useZone(): DisplayZone {
	return useContext(ZoneContext);
}
