/** The version of a head's software, sent in every execution context. */
export class Version {
    /** The version of a head that has not said which version it is. */
    static readonly notSet = new Version(0, 0, 0, 0, '');

    /** Creates a version from its parts. */
    constructor(
        readonly major: number,
        readonly minor: number,
        readonly patch: number,
        readonly build = 0,
        readonly preReleaseString = '',
    ) {}

    /** The version as `major.minor.patch[-preRelease]`. */
    toString(): string {
        return `${this.major}.${this.minor}.${this.patch}${this.preReleaseString === '' ? '' : `-${this.preReleaseString}`}`;
    }
}
