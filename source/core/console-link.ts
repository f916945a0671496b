/**
 * The AWS console address of an execution, built only from validated parts: a region that looks
 * like a region and an id that looks like an execution id (a UUID). Anything else (a region or id
 * carrying ESC, BEL, spaces, `?`…) gives no link at all, so the address can go into an OSC 8
 * hyperlink or onto the clipboard without any text from AWS reaching the terminal as bytes.
 * Pure: the terminal decides nothing here.
 */

/** us-east-1, eu-central-2, ap-southeast-5, cn-north-1, us-gov-west-1, il-central-1… */
export const REGION_PATTERN = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;

/** AutomationExecutionId: a UUID (36 characters), as StartAutomationExecution returns it. */
export const EXECUTION_ID_PATTERN = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

declare const validated: unique symbol;
/** A console address whose every character is printable ASCII (only consoleUrl makes one). */
export type ConsoleUrl = string & {readonly [validated]: true};

/** The console's host for a region's partition: China and GovCloud have consoles of their own. */
function consoleHost(region: string): string {
	if (region.startsWith('cn-')) return `${region}.console.amazonaws.cn`;
	if (region.startsWith('us-gov-')) return `${region}.console.amazonaws-us-gov.com`;
	return `${region}.console.aws.amazon.com`;
}

export function consoleUrl(region: string | undefined, executionId: string | undefined): ConsoleUrl | undefined {
	if (region === undefined || executionId === undefined) return undefined;
	if (!REGION_PATTERN.test(region) || !EXECUTION_ID_PATTERN.test(executionId)) return undefined;
	return `https://${consoleHost(region)}/systems-manager/automation/execution/${executionId}?region=${region}` as ConsoleUrl;
}

const ESC = '\u001B';
const BEL = '\u0007';

/** Printable ASCII, nothing that could end or extend an escape sequence. */
const PRINTABLE_URL = /^[\u0021-\u007E]+$/;

/**
 * OSC 8: `text` as a link to `url` (`ESC ] 8 ; ; url BEL text ESC ] 8 ; ; BEL`). The url must be a
 * ConsoleUrl (checked again here: a cast cannot smuggle a control byte in); the text is the caller's
 * to make visible — it is what the terminal shows, already measured by Ink.
 */
export function hyperlink(url: ConsoleUrl, text: string): string {
	if (!PRINTABLE_URL.test(url)) return text;
	return `${ESC}]8;;${url}${BEL}${text}${ESC}]8;;${BEL}`;
}
