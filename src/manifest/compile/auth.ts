/** `http.auth`, one compiler per kind in a table the type checker holds exhaustive (runtime: src/runtime/auth). */
import type { ManifestPath } from '../problems'
import type { AuthPlan } from '../plan'
import type { Auth } from '../types'
import { scopeOf, type Compiler } from './compiler'

type Of<K extends Auth['type']> = Extract<Auth, { type: K }>
/** Where a part of the auth block stands (the block may sit inside an `either`). */
type At = (...p: ManifestPath) => ManifestPath
type Kinds = { [K in Auth['type']]: (auth: Of<K>, c: Compiler, at: At) => AuthPlan }

const g = () => scopeOf()

const oauth2 = (auth: Of<'oauth2ClientCredentials'> | Of<'oauth2RefreshToken'>, c: Compiler, at: At): AuthPlan => ({
  type: 'oauth2',
  grant: auth.type === 'oauth2ClientCredentials' ? 'client_credentials' : 'refresh_token',
  tokenUrl: c.template(auth.tokenUrl, at('tokenUrl'), g()),
  clientId: c.template(auth.clientId, at('clientId'), g()),
  clientSecret: c.template(auth.clientSecret, at('clientSecret'), g()),
  scope: 'scope' in auth && auth.scope !== undefined ? c.template(auth.scope, at('scope'), g()) : undefined,
  refreshToken: 'refreshToken' in auth ? c.template(auth.refreshToken, at('refreshToken'), g()) : undefined,
  clientAuth: auth.clientAuth ?? 'body',
  refreshOn: auth.refreshOn ?? [401],
  expiryMarginSeconds: auth.expiryMarginSeconds ?? 60,
  scheme: auth.scheme ?? 'Bearer',
})

const kinds: Kinds = {
  none: () => ({ type: 'none' }),
  basic: (auth, c, at) => ({
    type: 'basic',
    username: c.template(auth.username, at('username'), g()),
    password: c.template(auth.password, at('password'), g()),
  }),
  bearer: (auth, c, at) => ({
    type: 'bearer',
    token: c.template(auth.token, at('token'), g()),
    scheme: auth.scheme ?? 'Bearer',
  }),
  apiKey: (auth, c, at) => ({
    type: 'apiKey',
    in: auth.in,
    name: auth.name,
    value: c.template(auth.value, at('value'), g()),
  }),
  headers: (auth, c, at) => ({ type: 'headers', headers: c.pairs(auth.headers, at('headers'), g()) }),
  oauth2ClientCredentials: oauth2,
  oauth2RefreshToken: oauth2,
  oauth2AuthorizationCode: (auth, c, at) => {
    const askFor = auth.askFor ?? []
    askFor.forEach((name, i) => {
      if (!c.configFields.has(name))
        c.problems.push(
          c.src.problem(
            at('askFor', i),
            `'${name}' is not a configuration field (fields: ${[...c.configFields].join(', ')})`
          )
        )
    })
    return {
      type: 'authorizationCode',
      authorizeUrl: c.template(auth.authorizeUrl, at('authorizeUrl'), g(), { url: true }),
      tokenUrl: c.template(auth.tokenUrl, at('tokenUrl'), g()),
      revokeUrl: auth.revokeUrl === undefined ? undefined : c.template(auth.revokeUrl, at('revokeUrl'), g()),
      clientId: c.template(auth.clientId, at('clientId'), g()),
      clientSecret: c.template(auth.clientSecret, at('clientSecret'), g()),
      scopes: auth.scopes === undefined ? undefined : c.template(auth.scopes, at('scopes'), g()),
      authorizeParams: c.pairs(auth.authorizeParams, at('authorizeParams'), g()),
      askFor,
      identifier:
        auth.identifier === undefined ? undefined : c.template(auth.identifier, at('identifier'), scopeOf('connected')),
      pkce: auth.pkce ?? true,
      clientAuth: auth.clientAuth ?? 'body',
      refreshOn: auth.refreshOn ?? [401],
      expiryMarginSeconds: auth.expiryMarginSeconds ?? 60,
      scheme: auth.scheme ?? 'Bearer',
    }
  },
  either: (auth, c, at) => ({
    type: 'either',
    when: c.expression(auth.when, at('when'), g()),
    use: compileAt(auth.use, c, at('use')),
    otherwise: compileAt(auth.otherwise, c, at('otherwise')),
  }),
}

function compileAt(auth: Auth, c: Compiler, base: ManifestPath): AuthPlan {
  const at: At = (...p) => [...base, ...p]
  return (kinds[auth.type] as (a: Auth, c: Compiler, at: At) => AuthPlan)(auth, c, at)
}

export function compileAuth(auth: Auth, c: Compiler): AuthPlan {
  return compileAt(auth, c, ['http', 'auth'])
}
