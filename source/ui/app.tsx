/**
 * The root component. Everything it needs comes in as props and is handed down
 * through contexts: the store (StoreProvider), the clock for relative times
 * (ClockProvider) and the theme (ThemeProvider). The views ask nothing of AWS:
 * what they want done is an effect in the store, run by the CLI's effect runner.
 */
import type {ReactNode} from 'react';
import {Box} from 'ink';
import {useApp} from 'ink';
import type {AppStore} from '../store/app-store.js';
import {StoreProvider, useAppStore} from './store-context.js';
import {ClockProvider, SYSTEM_CLOCK, useTimed, type Clock} from './clock-context.js';
import {ThemeProvider} from './theme-context.js';
import {ZoneProvider} from './zone-context.js';
import {UTC_ZONE, type DisplayZone} from '../core/time-zone.js';
import {DEFAULT_THEME, type Theme} from './theme.js';
import {useKeyInput} from './input/use-key-input.js';
import {isTooSmall} from './layout.js';
import {Header} from './shell/header.js';
import {Footer} from './shell/footer.js';
import {Banner} from './shell/banner.js';
import {ExecutionList} from './list/execution-list.js';
import {DetailScreen} from './detail/detail-screen.js';
import {GridScreen} from './grid/grid-screen.js';
import {LocationScreen} from './location/location-screen.js';
import {PulseScreen} from './pulse/pulse-screen.js';
import {LocationsScreen} from './locations/locations-screen.js';
import {CommandScreen} from './command/command-screen.js';
import {ChildrenScreen} from './children/children-screen.js';
import {HelpOverlay} from './overlays/help-overlay.js';
import {NoticesOverlay} from './overlays/notices-overlay.js';
import {TextViewerOverlay} from './overlays/text-viewer.js';
import {TooSmall} from './overlays/too-small.js';
import {ModalHost} from './modal/modal-host.js';

export interface AppProps {
	readonly store: AppStore;
	/** Defaults to the system clock; tests pass a frozen or a manual one. */
	readonly clock?: Clock;
	readonly theme?: Theme;
	/** The zone of absolute times (the CLI: the machine's, or UTC with --utc); UTC when not given. */
	readonly zone?: DisplayZone;
	/** Called when the user quits (q, Ctrl-C), before Ink unmounts. */
	readonly onQuit?: () => void;
}

export function App({store, clock = SYSTEM_CLOCK, theme = DEFAULT_THEME, zone = UTC_ZONE, onQuit}: AppProps) {
	return (
		<StoreProvider store={store}>
			<ClockProvider clock={clock}>
				<ThemeProvider theme={theme}>
					<ZoneProvider value={zone}>
						<Shell {...(onQuit ? {onQuit} : {})} />
					</ZoneProvider>
				</ThemeProvider>
			</ClockProvider>
		</StoreProvider>
	);
}

function Body() {
	const screen = useAppStore(state => state.screen);
	const modal = useAppStore(state => state.modal);
	if (modal.kind === 'help') return <HelpOverlay />;
	if (modal.kind === 'notices') return <NoticesOverlay />;
	if (modal.kind === 'viewer') return <TextViewerOverlay />;
	// An action dialog takes the body's place.
	if (modal.kind !== 'none') return <ModalHost />;
	switch (screen) {
		case 'list':
			return <ExecutionList />;
		case 'detail':
			return <DetailScreen />;
		case 'grid':
			return <GridScreen />;
		case 'location':
			return <LocationScreen />;
		case 'pulse':
			return <PulseScreen />;
		case 'command':
			return <EverySecond render={now => <CommandScreen now={now} />} />;
		case 'children':
			return <EverySecond render={now => <ChildrenScreen now={now} />} />;
		case 'locations':
			return <EverySecond render={now => <LocationsScreen now={now} />} />;
	}
}

function Shell({onQuit}: {readonly onQuit?: () => void}) {
	const {exit} = useApp();
	useKeyInput(() => {
		onQuit?.();
		exit();
	});
	const viewport = useAppStore(state => state.viewport);
	if (isTooSmall(viewport)) return <TooSmall columns={viewport.columns} rows={viewport.rows} />;
	// One row less than the terminal: Ink clears the whole screen on every frame that fills it.
	return (
		<Box flexDirection="column" width={viewport.columns} height={viewport.rows - 1} overflow="hidden">
			<Header />
			<Banner />
			<Box flexDirection="column" flexGrow={1} overflow="hidden">
				<Body />
			</Box>
			<Footer />
		</Box>
	);
}

/** A screen that shows ages ("12s ago") and durations: drawn again each second, and only that screen. */
function EverySecond({render}: {readonly render: (now: number) => ReactNode}) {
	const {now} = useTimed(time => ({now: time, changesAt: Math.floor(time / 1000) * 1000 + 1000}));
	return render(now);
}
