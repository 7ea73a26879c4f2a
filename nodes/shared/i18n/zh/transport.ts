export const transport: Record<string, string> = {};
