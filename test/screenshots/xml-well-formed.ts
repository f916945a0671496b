/** A small well-formedness check for generated SVG: balanced tags, quoted attributes, escaped text. */
export function xmlProblems(xml: string): string[] {
	const problems: string[] = [];
	const stack: string[] = [];
	const tokens = xml.split(/(<[^>]*>)/);
	for (const token of tokens) {
		if (token.startsWith('<')) {
			if (/^<\/([\w:-]+)>$/.test(token)) {
				const name = token.slice(2, -1);
				const open = stack.pop();
				if (open !== name) problems.push(`closing </${name}> while <${open}> is open`);
			} else if (/^<[\w:-]+(\s+[\w:-]+="[^"<]*")*\s*\/?>$/.test(token)) {
				if (!token.endsWith('/>')) stack.push(/^<([\w:-]+)/.exec(token)![1]!);
			} else problems.push(`malformed tag ${token}`);
		} else if (/&(?!(amp|lt|gt|quot|apos);)/.test(token) || token.includes('>')) {
			problems.push(`unescaped text ${JSON.stringify(token)}`);
		}
	}

	if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
	return problems;
}
