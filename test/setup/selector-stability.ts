// Every UI test runs with the selector check on: a selector that returns a new value for the same
// state throws at once (see checkSelectorStability in source/ui/store-context.tsx).
import {checkSelectorStability} from '../../source/ui/store-context.js';

checkSelectorStability(true);
