const longestShownText = 80;

/**
 * Describes a configuration value for a problem or warning without revealing secrets: connection strings are
 * never shown, credentials in URLs are masked and objects are summarised by their property names.
 */
export function describeFoundValue(value: unknown, pointer = ''): string {
    if (value === undefined) {
        return 'nothing';
    }
    const lastSegment = pointer.slice(pointer.lastIndexOf('/') + 1);
    if (typeof value === 'string') {
        const mayHoldSecret = /connectionString|password|secret/i.test(lastSegment) || /password\s*=/i.test(value);
        return mayHoldSecret ? 'a text that is not shown (it may hold a secret)' : quote(value);
    }
    if (Array.isArray(value)) {
        return value.length === 1 ? 'an array of 1 item' : `an array of ${value.length} items`;
    }
    if (value !== null && typeof value === 'object') {
        const names = Object.keys(value);
        return names.length === 0 ? 'an empty object' : `an object with the properties ${names.map(quote).join(', ')}`;
    }
    return JSON.stringify(value);
}

function quote(text: string): string {
    const masked = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]*@/gi, '$1***@');
    const shortened = masked.length > longestShownText ? `${masked.slice(0, longestShownText)}…` : masked;
    return JSON.stringify(shortened);
}
