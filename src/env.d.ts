/** Set by build.mjs: true only in the test build (dist-test/), which compiles in test seams. */
declare const __TEST_BUILD__: boolean;
/** Set by build.mjs: Google's OAuth authorize endpoint (a 127.0.0.1 fake in test builds only). */
declare const __GOOGLE_AUTH_URL__: string;
/** Set by build.mjs: the Calendar API base URL (a 127.0.0.1 fake in test builds only). */
declare const __GOOGLE_API_BASE__: string;
/** Set by build.mjs from GOOGLE_WEB_CLIENT_ID: the OAuth "Web application" client for launchWebAuthFlow. */
declare const __GOOGLE_WEB_CLIENT_ID__: string;
