export function builtinSources(root: string, lang: string): Promise<string[]>;
export function sourceKey(source: string): string;
export function precompiledModule(root: string, lang: string): Promise<string>;
