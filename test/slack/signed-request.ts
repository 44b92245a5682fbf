/** Signs and POSTs requests to the Slack receiver exactly as Slack does (v0 HMAC-SHA256 over the raw body). */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export async function signedPost(url: string, body: string, contentType: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp),
      ...options.headers,
    },
    body,
  });
}

/** A slash command as Slack posts it (form-encoded). */
export function slashBody(fields: { command: string; text: string; responseUrl: string; user?: string; channel?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'example',
    channel_id: fields.channel ?? 'C1',
    channel_name: 'support',
    user_id: fields.user ?? 'U1',
    user_name: 'alice',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** An interactivity payload (shortcut, button) as Slack posts it: form field `payload` holding JSON. */
export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback (JSON). */
export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}
