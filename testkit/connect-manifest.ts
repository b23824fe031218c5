/**
 * The sandbox manifest (providers/sandbox.yaml) connecting with "Connect with …" (OAuth authorization code, through
 * the sandbox's own authorization server, playground/sandbox-oauth.ts): its API token field replaced by the app's
 * client id and secret, its bearer auth by oauth2AuthorizationCode. The playground pastes it into the configuration
 * (npm start -- --connect); cli-check builds it as a provider of one's own; tests run it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'

/** providers/sandbox.yaml, connecting with "Connect with …" instead of an API token. */
export function connectManifest(): string {
  const manifest = parse(readFileSync(join(__dirname, '..', 'providers', 'sandbox.yaml'), 'utf8'))
  manifest.id = 'sandbox-connect'
  manifest.title = 'Sandbox helpdesk'
  const { apiToken: _token, ...fields } = manifest.configuration
  manifest.configuration = {
    ...fields,
    clientId: { type: 'string', title: 'Client id', description: "The sandbox app's client id (npm start prints it)." },
    clientSecret: { type: 'string', title: 'Client secret', description: "The app's client secret.", secret: true },
    workspace: {
      type: 'string',
      title: 'Workspace',
      description: 'The sandbox workspace to connect.',
      required: false,
    },
  }
  manifest.http.auth = {
    type: 'oauth2AuthorizationCode',
    authorizeUrl: '{{ config.url }}/oauth/authorize',
    authorizeParams: { workspace: '{{ config.workspace }}' },
    tokenUrl: '{{ config.url }}/oauth/token',
    revokeUrl: '{{ config.url }}/oauth/revoke',
    clientId: '{{ config.clientId }}',
    clientSecret: '{{ config.clientSecret }}',
    scopes: 'tickets:write messages:write',
    askFor: ['workspace'],
    identifier: '{{ token.workspace }}',
  }
  return stringify(manifest)
}
