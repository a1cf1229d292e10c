import 'dialsim/testing/vitest';
