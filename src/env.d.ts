/** Set by build.mjs: true only in the test build (dist-test/), which compiles in test seams. */
declare const __TEST_BUILD__: boolean;
