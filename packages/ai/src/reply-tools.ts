import { z } from 'zod';
import type { GeneratedReply, ReplyAction, ReplyActionName, ReplyContext, ReplyToolName } from './provider';

/**
 * The structured decisions a model may take, written once and rendered into each SDK's tool format.
 * Handoff is a tool call, never free text: the worker acts on `handoff`, not on what the reply says.
 */
export interface ReplyToolSpec {
  name: ReplyToolName;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required: string[] };
  parse: z.ZodType<Record<string, unknown>>;
}

export const REPLY_TOOLS: Record<ReplyToolName, ReplyToolSpec> = {
  request_human: {
    name: 'request_human',
    description:
      'Hand the conversation to clinic staff. Call it when the customer asks for a person, complains, describes ' +
      'a possible medical emergency or complication, asks something medical the clinic knowledge does not answer, ' +
      'or when the knowledge provided does not answer the question. Never guess prices or medical facts instead. ' +
      'You may still write a short, polite message telling the customer staff will follow up.',
    inputSchema: {
      type: 'object',
      properties: {
        reason: {
          type: 'string',
          description:
            'One of customer_requested_human, complaint, medical_emergency, no_knowledge_match, other; ' + 'for other add a few words after a colon.',
        },
      },
      required: ['reason'],
    },
    parse: z.object({ reason: z.string().min(1) }),
  },
  quote_price: {
    name: 'quote_price',
    description: "Attach the clinic's official price card for one procedure to the reply.",
    inputSchema: {
      type: 'object',
      properties: { procedure_slug: { type: 'string', description: 'The procedure slug from the clinic knowledge.' } },
      required: ['procedure_slug'],
    },
    parse: z.object({ procedure_slug: z.string().min(1) }),
  },
  propose_booking: {
    name: 'propose_booking',
    description: 'Offer the customer a booking for one procedure, optionally on a date they mentioned.',
    inputSchema: {
      type: 'object',
      properties: {
        procedure_slug: { type: 'string', description: 'The procedure slug from the clinic knowledge.' },
        date: { type: 'string', description: 'Preferred date as YYYY-MM-DD, if the customer gave one.' },
      },
      required: ['procedure_slug'],
    },
    parse: z.object({ procedure_slug: z.string().min(1), date: z.string().optional() }),
  },
};

/** request_human plus the actions the clinic enabled. */
export function enabledTools(ctx: ReplyContext): ReplyToolSpec[] {
  const names = new Set<ReplyToolName>(['request_human', ...(ctx.tools ?? [])]);
  return [...names].map((n) => REPLY_TOOLS[n]);
}

/** Turns raw tool calls into the handoff decision and actions; malformed or unknown calls are dropped. */
export function interpretToolCalls(calls: { name: string; input: unknown }[], enabled: ReplyToolSpec[]): Pick<GeneratedReply, 'handoff' | 'actions'> {
  const allowed = new Map(enabled.map((t) => [t.name as string, t]));
  let handoff: GeneratedReply['handoff'];
  const actions: ReplyAction[] = [];
  for (const call of calls) {
    const spec = allowed.get(call.name);
    if (!spec) continue;
    const parsed = spec.parse.safeParse(call.input);
    if (spec.name === 'request_human') {
      // A handoff with a garbled reason is still a handoff.
      handoff = { reason: parsed.success ? String(parsed.data['reason']) : 'unspecified' };
      continue;
    }
    if (parsed.success) actions.push({ name: spec.name as ReplyActionName, input: parsed.data });
  }
  return { ...(handoff ? { handoff } : {}), ...(actions.length ? { actions } : {}) };
}

/** Parses a JSON string of tool arguments (OpenAI); undefined when it is not JSON. */
export function parseToolArguments(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
