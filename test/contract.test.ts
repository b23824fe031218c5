/**
 * Contract tests: each provider's requests for a whole session, sent to Prism mocks of the vendor's published
 * OpenAPI description (../shared/specs, never copied here). Every request must be accepted: the right paths,
 * bodies the description allows, and its security scheme satisfied. Prism answers with the description's
 * examples, so later steps run on the ids those examples carry.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { configurationName } from '../src/botpress/names'
import { loadFixtures } from '../testkit/fixture'
import { PrismMocks, specsAvailable } from '../testkit/prism'
import { skipTitle } from './support/prerequisites'
import { caller, useStandIns } from './support/session'

/**
 * Which published descriptions cover each provider, the API base path inside them, and errata: places where a
 * description contradicts itself or the vendor's own documentation, corrected in a temporary copy, each cited.
 */
const CONTRACTS: Record<
  string,
  { specs: string[]; basePath?: string; errata?: (spec: string, doc: any) => void; outside?: Record<string, unknown> }
> = {
  intercom: {
    specs: ['intercom.yaml'],
    // Intercom ids are 24 hexadecimal characters (the description's own examples, and its minLength/maxLength 24),
    // yet some id fields also say `format: uuid`, which no such id can match. Drop that one contradictory format.
    errata: (_, doc) => dropContradictoryUuidFormats(doc),
  },
  hubspot: {
    specs: [
      'hubspot-custom-channels.json',
      'hubspot-conversations.json',
      'hubspot-contacts.json',
      'hubspot-files.json',
    ],
    // Every schema in these descriptions carries `"example": null`, which Prism serves as the literal answer (a null
    // body, no ids). Drop those empty examples so Prism answers from the schemas themselves.
    // Thread and channel-account ids are strings in bodies but integers in paths; Prism would invent the string
    // "string" for them. Give them numeric examples, as HubSpot's own ids are.
    errata: (_, doc) => {
      dropNullExamples(doc)
      const schemas = doc.components?.schemas ?? {}
      if (schemas.PublicConversationsMessage)
        schemas.PublicConversationsMessage.properties.conversationsThreadId.example = '8000123'
      if (schemas.PublicChannelAccount) schemas.PublicChannelAccount.properties.id.example = '77'
    },
    // The OAuth token endpoint (POST /oauth/v1/token) is in HubSpot's OAuth API, not in the saved descriptions.
    outside: {
      'POST /oauth/v1/token': {
        access_token: 'hs-contract-token',
        refresh_token: 'hs-refresh',
        expires_in: 1800,
        token_type: 'bearer',
      },
    },
  },
  front: {
    specs: ['front.json'],
    // front.json says of both `attachments` fields "Must use Content-Type: multipart/form-data if specified", and
    // dev.frontapp.com › Attachments shows that form (nested fields in brackets, files as attachments[i]), yet
    // declares only application/json. Add the documented multipart form, strict about its field names.
    errata: (_, doc) => {
      const multipart = (required: string[], fields: string[]) => ({
        schema: {
          type: 'object',
          required,
          additionalProperties: false,
          properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])),
          patternProperties: { '^attachments\\[[0-9]*\\]$': { type: 'string', format: 'binary' } },
        },
      })
      doc.paths['/channels/{channel_id}/incoming_messages'].post.requestBody.content['multipart/form-data'] = multipart(
        ['sender[handle]', 'body'],
        [
          'sender[handle]',
          'sender[name]',
          'sender[contact_id]',
          'subject',
          'body',
          'body_format',
          'metadata[thread_ref]',
        ]
      )
      doc.paths['/conversations/{conversation_id}/comments'].post.requestBody.content['multipart/form-data'] =
        multipart(['body'], ['author_id', 'body', 'is_pinned'])
    },
  },
  zendesk: {
    specs: ['zendesk-support.yaml', 'zendesk-webhooks.yaml'],
    basePath: '/api/v2',
    errata: (spec, doc) => {
      if (spec === 'zendesk-webhooks.yaml') {
        // This description's server URL already ends in /api/v2 (../shared/specs/README.md), so its paths lack it;
        // behind one router with the Support description they must carry it, as Zendesk serves them.
        doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([path, op]) => [`/api/v2${path}`, op]))
        return
      }
      // Zendesk serves every path with and without .json (developer.zendesk.com › "API basics"); the description
      // lists them without. Serve both.
      for (const [path, op] of Object.entries(doc.paths)) doc.paths[`${path}.json`] ??= op
      // POST /uploads takes the file's bytes as the body, with its content type (developer.zendesk.com › Attachments
      // › Upload Files); the description declares no body at all, so Prism refuses any (415).
      // A ticket's custom_fields are [{ id, value }] (developer.zendesk.com › Tickets › "Setting custom field values",
      // and this description's own TicketObject); its TicketUpdateInput, which creation extends, points them at
      // CustomFieldObject, the definition of a ticket field (key, type, title). Use the ticket's own shape.
      const schemas = doc.components.schemas
      schemas.TicketUpdateInput.properties.custom_fields = schemas.TicketObject.properties.custom_fields
      const upload = doc.paths['/api/v2/uploads.json'].post
      const binary = { schema: { type: 'string', format: 'binary' } }
      upload.requestBody = {
        required: true,
        content: { 'image/png': binary, 'application/pdf': binary, 'application/octet-stream': binary },
      }
    },
  },
  // Third-party descriptions, weaker evidence than a vendor's own (../shared/specs/README.md): a refusal is checked
  // against the vendor's documentation before the manifest is changed.
  freshdesk: {
    specs: ['freshdesk-third-party.yaml'],
    // developers.freshdesk.com › Tickets › Create a Note takes attachments[] as multipart/form-data; this
    // description declares JSON bodies only. Add the documented multipart form.
    errata: (_, doc) => {
      doc.paths['/tickets/{ticket_id}/notes'].post.requestBody.content['multipart/form-data'] = {
        schema: {
          type: 'object',
          required: ['body'],
          properties: {
            body: { type: 'string' },
            private: { type: 'string', enum: ['true', 'false'] },
            incoming: { type: 'string', enum: ['true', 'false'] },
            user_id: { type: 'string' },
            'attachments[]': { type: 'string', format: 'binary' },
          },
        },
      }
    },
  },
  gorgias: {
    specs: ['gorgias-third-party.yaml'],
    basePath: '/api',
    // developers.gorgias.com › Create a ticket / Create a message answer 201 with the object created; this
    // description gives those 201s no body, so the created ids cannot be read. Give them their schemas.
    errata: (_, doc) => {
      const created = (schema: string) => ({
        description: 'Created',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
      })
      doc.paths['/api/tickets'].post.responses['201'] = created('Ticket')
      doc.paths['/api/tickets/{id}/messages'].post.responses['201'] = created('Message')
      // …and likewise Create an integration (developers.gorgias.com › Integrations), whose id unregister needs.
      doc.paths['/api/integrations'].post.responses['201'] = {
        description: 'Created',
        content: {
          'application/json': {
            schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer', example: 61 } } },
          },
        },
      }
    },
    // POST /api/upload (developers.gorgias.com › Upload files) is not in this description; answered as documented.
    outside: {
      'POST /api/upload': [
        { url: 'https://uploads.gorgias.io/c/photo.png', name: 'photo.png', size: 29, content_type: 'image/png' },
      ],
    },
  },
  chatwoot: {
    specs: ['chatwoot.json'],
    basePath: '/api/v1/accounts/3',
    // developers.chatwoot.com › Messages › Create New Message takes attachments[] as multipart/form-data;
    // swagger.json declares only its JSON form. Add the documented multipart form.
    errata: (_, doc) => {
      const op = doc.paths['/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages'].post
      op.requestBody.content['multipart/form-data'] = {
        schema: {
          type: 'object',
          required: ['content'],
          properties: {
            content: { type: 'string' },
            message_type: { type: 'string', enum: ['outgoing', 'incoming'] },
            private: { type: 'string', enum: ['true', 'false'] },
            'attachments[]': { type: 'string', format: 'binary' },
          },
        },
      }
    },
  },
}

function dropNullExamples(node: any): void {
  if (!node || typeof node !== 'object') return
  if ('example' in node && node.example === null) delete node.example
  for (const v of Object.values(node)) dropNullExamples(v)
}

function dropContradictoryUuidFormats(node: any): void {
  if (!node || typeof node !== 'object') return
  if (node.format === 'uuid' && typeof node.example === 'string' && !/^[0-9a-f-]{36}$/i.test(node.example))
    delete node.format
  for (const v of Object.values(node)) dropContradictoryUuidFormats(v)
}

const ctx = useStandIns()
const fixtures = new Map(loadFixtures().map((f) => [f.provider, f]))

if (!specsAvailable()) {
  describe('contract tests', () => {
    it.skip(skipTitle('specs'), () => {})
  })
}

for (const [provider, contract] of Object.entries(CONTRACTS)) {
  describe.runIf(specsAvailable())(`contract: ${provider} against ${contract.specs.join(', ')}`, () => {
    const prism = new PrismMocks()
    let bp: ReturnType<typeof caller>
    const fixture = fixtures.get(provider)

    beforeAll(async () => {
      const url = await prism.start(contract.specs, contract.errata, contract.outside)
      bp = caller(
        ctx,
        {
          ...fixture?.configuration,
          ...(fixture ? {} : CONFIG[provider]),
          apiBaseUrl: `${url}${contract.basePath ?? ''}`,
        },
        configurationName(provider)
      )
    })
    afterAll(() => prism.stop())

    it('runs a whole session with every request accepted by the description', async () => {
      // Prism answers some refusals with a bare 500 ("Cannot find serializer"); its log says which rule was broken.
      onTestFailed(() =>
        console.error(`Prism violations for ${provider}:\n${prism.violations().join('\n') || '(none)'}`)
      )
      const files = ctx.helpdesk.filesUrl
      const register = await bp.register()
      expect(register.status, JSON.stringify(register.body)).toBe(200)
      const { userId } = await bp.action(
        'createUser',
        fixture?.createUser.input ?? { name: 'Ada Lovelace', email: 'ada@example.com' }
      )
      const history = [
        { source: { type: 'user', userId }, type: 'text', payload: { text: 'My order is late' } },
        { source: { type: 'bot' }, type: 'text', payload: { text: 'Let me get a human' } },
      ]
      const { conversationId } = await bp.action('startHitl', {
        userId,
        title: 'Late order',
        messageHistory: history,
        ...(fixture?.startHitl.input ?? {}),
      })
      const sends: [string, Record<string, unknown>][] = [
        ['text', { text: 'Order 1234', userId }],
        ['text', { text: 'An agent is coming' }],
        ['image', { imageUrl: `${files}/photo.png`, title: 'Photo', userId }],
        ['file', { fileUrl: `${files}/invoice.pdf` }],
      ]
      for (const [type, payload] of sends) {
        const res = await bp.send(conversationId, type, payload)
        expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200)
      }
      expect(await bp.action('stopHitl', { conversationId })).toEqual({})
      const unregister = await bp.unregister()
      expect(unregister.status, JSON.stringify(unregister.body)).toBe(200)
    })
  })
}

/**
 * Jira Service Management: its servicedeskapi paths are in no saved description (../shared/specs/README.md), so they
 * are answered by the fixture's routes; its Jira platform calls (GET /rest/api/3/myself at registration, the user
 * search when the customer exists already) go to a Prism mock of Atlassian's platform description.
 */
describe.runIf(specsAvailable())(
  'contract: jira-service-management platform calls against jira-platform-v3.json',
  () => {
    const prism = new PrismMocks()
    const fixture = fixtures.get('jira-service-management')!
    const platform: { path: string; status: number }[] = []

    beforeAll(async () => {
      const url = await prism.start(['jira-platform-v3.json'])
      ctx.api.reset()
      ctx.helpdesk.requests.length = 0
      ctx.helpdesk.answer(fixture.routes)
      // The customer exists already (servicedeskapi answers 400): the manifest then finds the account by user search.
      ctx.helpdesk.on('POST', '/rest/servicedeskapi/customer', () => ({
        status: 400,
        body: { errorMessage: 'An account already exists for this email' },
      }))
      for (const path of ['/rest/api/3/myself', '/rest/api/3/user/search'])
        ctx.helpdesk.on('GET', path, async (r) => {
          const query = new URLSearchParams(r.query as Record<string, string>).toString()
          const res = await fetch(`${url}${path}${query ? `?${query}` : ''}`, {
            headers: { authorization: r.headers.authorization ?? '', accept: 'application/json' },
          })
          platform.push({ path: `${path}${query ? `?${query}` : ''}`, status: res.status })
          return { status: res.status, body: await res.json().catch(() => undefined) }
        })
    })
    afterAll(() => prism.stop())

    it('sends myself and user search as the description accepts them, within a whole session', async () => {
      onTestFailed(() => console.error(`Prism violations for jira:\n${prism.violations().join('\n') || '(none)'}`))
      const bp = caller(
        ctx,
        { ...fixture.configuration, apiBaseUrl: ctx.helpdesk.url },
        configurationName(fixture.provider)
      )
      expect((await bp.register()).status).toBe(200)
      const { userId } = await bp.action('createUser', { name: 'Ada', email: 'ada@example.com' })
      const { conversationId } = await bp.action('startHitl', { userId, title: 'Late order', messageHistory: [] })
      expect((await bp.send(conversationId, 'text', { text: 'Order 1234', userId })).status).toBe(200)
      expect(await bp.action('stopHitl', { conversationId })).toEqual({})
      expect((await bp.unregister()).status).toBe(200)
      expect(platform).toEqual([
        { path: '/rest/api/3/myself', status: 200 },
        { path: '/rest/api/3/user/search?query=ada%40example.com', status: 200 },
      ])
      expect(prism.violations()).toEqual([])
    })
  }
)

/** Configurations for providers whose session test is written in TypeScript rather than a fixture. */
const CONFIG: Record<string, Record<string, unknown>> = {
  intercom: { accessToken: 'ic-token', clientSecret: 'ic-secret', adminId: '991267', region: 'us' },
}
