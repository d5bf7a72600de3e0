import {
  type AnnotationRenderOptions,
  definePlugin,
  ExpressiveCodeAnnotation,
  type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { h, type Parents } from '@astrojs/starlight/expressive-code/hast';
import { readBlock } from '../../../scripts/lib/core/read-block.ts';
import { describeBlock } from '../../../scripts/lib/record/describe-verification.ts';
import { matchBlock } from '../verification/match-block.ts';
import { findNamedValues } from './find-named-values.ts';
import { loadBlockAssessment } from './load-block-assessment.ts';

class NamedValueAnnotation extends ExpressiveCodeAnnotation {
  readonly title: string;

  constructor(name: string, range: { columnStart: number; columnEnd: number }) {
    super({ inlineRange: range });
    this.title = `${name}: a fact of the machine, yours will differ`;
  }

  render({ nodesToTransform }: AnnotationRenderOptions): Parents[] {
    return nodesToTransform.map((node) =>
      h('span', { className: 'named-value', title: this.title }, node),
    );
  }
}

/**
 * In transcripts, the page's named values (verify.values) are underlined, titled as facts of
 * the machine that differ on the reader's. Under each shell example, a line saying on which Docker Engine versions and image stores
 * the verification record proves it, and since when; or that it is not (yet) verified. It is
 * plain HTML (no script), outside the code, so the copy button (which copies its own
 * `data-code`) never takes it, and `data-pagefind-ignore` keeps it out of search results.
 */
export function pluginVerificationMarks(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'docker-fundamentals:verification-marks',
    // Dotted as the verifier's elisions are, and as readable (Starlight's code colours stay).
    baseStyles: `.named-value { text-decoration: underline dotted; cursor: help; }`,
    hooks: {
      annotateCode: async ({ codeBlock }) => {
        if (readBlock(codeBlock.language, codeBlock.code).kind !== 'transcript') return;
        const values = (await loadBlockAssessment(codeBlock))?.values ?? [];
        for (const { name, lineIndex, columnStart, columnEnd } of findNamedValues(
          codeBlock.code,
          values,
        )) {
          codeBlock
            .getLine(lineIndex)
            ?.addAnnotation(new NamedValueAnnotation(name, { columnStart, columnEnd }));
        }
      },
      postprocessRenderedBlockGroup: async ({ renderedGroupContents, renderData }) => {
        for (const { codeBlock, renderedBlockAst } of renderedGroupContents) {
          if (readBlock(codeBlock.language, codeBlock.code).kind === 'other') continue;
          const assessment = await loadBlockAssessment(codeBlock);
          const block = assessment && matchBlock(assessment.blocks, codeBlock);
          if (!block) continue;
          const mark = describeBlock(block);
          const element = h(
            'p',
            {
              className: ['verification-mark'],
              dataVerified: mark.isVerified ? 'true' : 'false',
              dataPagefindIgnore: true,
            },
            [
              h('span', { className: ['verification-mark-icon'], ariaHidden: 'true' }, [
                mark.isVerified ? '✓' : '!',
              ]),
              ` ${mark.text}`,
            ],
          );
          const children = renderData.groupAst.children;
          children.splice(children.indexOf(renderedBlockAst) + 1, 0, element);
        }
      },
    },
  });
}
