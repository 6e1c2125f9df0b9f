/**
 * The packed bpmnlint configuration bpmn-js-bpmnlint wants (`{ config, resolver }`), built by hand:
 * the rule modules are imported here and named the way bpmnlint resolves them
 * (`bpmnlint/<rule>`, `camunda-compat/<rule>`, `baton/<rule>`), instead of through the webpack
 * loader or rollup plugin that usually packs it.
 */
import recommended from 'bpmnlint/config/recommended';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import compatHistoryTimeToLive from 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/history-time-to-live';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import { batonRules } from './lint-rules';

type RuleFactory = (config?: never) => unknown;

const bpmnlintRules: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/** The Camunda 7 config used; the newest the installed plugin has. */
export const CAMUNDA_COMPAT_CONFIG = 'camunda-platform-7-24';

const compatRules: Record<string, RuleFactory> = {
  'history-time-to-live': compatHistoryTimeToLive,
};

const packages: Record<string, Record<string, RuleFactory>> = {
  bpmnlint: bpmnlintRules,
  'bpmnlint-plugin-camunda-compat': compatRules,
  'bpmnlint-plugin-baton': batonRules as Record<string, RuleFactory>,
};

export interface LintConfig {
  config: { extends: string[]; rules: Record<string, unknown> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): RuleFactory;
    resolveConfig(pkg: string, configName: string): { rules: Record<string, unknown> };
  };
}

/**
 * bpmnlint's `recommended` + camunda-compat's Camunda 7.24 config + Baton's rules.
 *
 * @param adapters adapter names the server knows (`GET /api/adapters`); undefined: not loaded,
 *   so an unknown adapter is not reported
 */
export function lintConfig(adapters?: readonly string[]): LintConfig {
  return {
    config: {
      extends: ['bpmnlint:recommended', `plugin:camunda-compat/${CAMUNDA_COMPAT_CONFIG}`],
      rules: {
        'baton/service-task-binding': ['error', { adapters }],
        'baton/history-time-to-live': 'error',
        'baton/external-task-topic': 'error',
        // Baton's rule says the same as an error; one line per problem is enough
        'camunda-compat/history-time-to-live': 'off',
      },
    },
    resolver: {
      resolveRule(pkg, ruleName) {
        const rule = packages[pkg]?.[ruleName];
        if (!rule) {
          throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
        }
        return rule;
      },
      resolveConfig(pkg, configName) {
        if (pkg === 'bpmnlint' && configName === 'recommended') {
          return recommended;
        }
        const config = pkg === 'bpmnlint-plugin-camunda-compat' ? camundaCompat.configs[configName] : undefined;
        if (!config) {
          throw new Error(`unknown lint config ${pkg}:${configName}`);
        }
        return config;
      },
    },
  };
}
