/** Sign-in and session settings (from src/config.ts). */
export type StaffAuthSettings = {
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  maxAccountFailures: number;
  maxIpFailures: number;
  lockoutMs: number;
  /** Secure cookies when the public URL is https. */
  secureCookies: boolean;
  /** Origin that browser requests must come from, e.g. https://termine.example.de */
  publicOrigin: string;
};

export const defaultStaffAuthSettings: StaffAuthSettings = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 10 * 3_600_000,
  maxAccountFailures: 5,
  maxIpFailures: 50,
  lockoutMs: 15 * 60_000,
  secureCookies: false,
  publicOrigin: 'http://localhost:3000',
};
