/** The store reaches the views through React context, so each test can render with a fresh one. */
import {createContext, useContext, type ReactNode} from 'react';
import {useStore} from 'zustand';
import type {AppState, AppStore} from '../store/app-store.js';

const StoreContext = createContext<AppStore | undefined>(undefined);

export function StoreProvider({store, children}: {readonly store: AppStore; readonly children: ReactNode}) {
	return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
	const store = useContext(StoreContext);
	if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
	return store;
}

/** Read the store through a selector; re-renders only when the selected value changes (Object.is). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
	return useStore(useAppStoreApi(), selector);
}
