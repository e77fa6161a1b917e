export type { Artifact } from './Artifact.js';
