/** Names shared by the client, the server and the tests. */
export declare const EXTENSION_ID = "next-action-advisor";
export declare const DIAGNOSTIC_SOURCE = "next-action-advisor";
export declare const SETTINGS_SECTION = "nextActionAdvisor";
export declare const PROJECT_SETTINGS_FILE = "next-action-advisor.json";
export declare const COMMANDS: {
    readonly restartServer: "nextActionAdvisor.restartServer";
    readonly showOutput: "nextActionAdvisor.showOutput";
};
/** The languages the server analyses. */
export declare const LANGUAGE_IDS: readonly ["typescript", "typescriptreact", "javascript", "javascriptreact"];
/** Data attached to each diagnostic, so that code actions need no re-analysis. */
export interface DiagnosticData {
    ruleId: string;
}
