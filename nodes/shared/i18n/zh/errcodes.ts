export const errcodes: Record<string, string> = {};
