package io.hakit.openapi.clients;

/**
 * The TypeScript both TypeScript layers share (typescript-fetch's and openapi-fetch's {@code HaApi}): the
 * {@code HaFault} class, and how a fault's body and the Retry-After header become one; each layer says only how
 * its client hands over a failed answer.
 */
final class TypescriptFaults {

    static final String READING = """
                /**
                 * A fault the service answered: the status, the fault's name, its message, its details (when it has them) and
                 * retryAfter, the seconds to wait before asking again (the fault's retryAfter, else the Retry-After header;
                 * undefined when neither).
                 */
                export class HaFault extends Error {
                    constructor(readonly status: number, readonly faultName: string, readonly faultMessage: string,
                                readonly details?: string, readonly retryAfter?: number) {
                        super(`${faultName} (${status}): ${faultMessage}`);
                    }
                }

                type FaultBody = { message?: string; details?: unknown; retryAfter?: unknown };

                function seconds(value: unknown): number | undefined {
                    const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
                    return /^[0-9]+$/.test(text) ? Number(text) : undefined;
                }

                // A Retry-After header: whole seconds, or an HTTP-date (the seconds from now until then, 0 when it has
                // passed; Date.parse reads IMF-fixdate, the form a sender writes, which names its day: V8's lenient
                // parser would read a year into "45.5").
                function headerSeconds(value: string | null): number | undefined {
                    const whole = seconds(value);
                    if (whole !== undefined || value === null || !/[A-Za-z]/.test(value)) {
                        return whole;
                    }
                    const when = Date.parse(value.trim());
                    return Number.isNaN(when) ? undefined : Math.max(0, Math.ceil((when - Date.now()) / 1000));
                }

                function faultOf(status: number, name: string, inner: FaultBody | undefined, headers: Headers): HaFault {
                    const details = inner?.details === undefined || inner?.details === null ? undefined : String(inner.details);
                    return new HaFault(status, name, inner?.message ?? '', details,
                        seconds(inner?.retryAfter) ?? headerSeconds(headers.get('Retry-After')));
                }

                """;

    private TypescriptFaults() {}
}
