'use strict';
// jest setupFilesAfterEnv for the e2e suite on n8n versions other than the pinned one
// (scripts/test-e2e-versions.js passes it): every harness instance applies ./compat.js's compatEnv.
require('./compat').patchHarness();
