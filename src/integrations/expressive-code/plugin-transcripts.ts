import {
  type AnnotationRenderOptions,
  definePlugin,
  ExpressiveCodeAnnotation,
  type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { h, type Parents, visit } from '@astrojs/starlight/expressive-code/hast';
import { isTranscriptLanguage } from '../../../scripts/lib/core/languages.ts';
import { findElisions } from './find-elisions.ts';
import { selectCopyText } from './select-copy-text.ts';

class ElisionAnnotation extends ExpressiveCodeAnnotation {
  render({ nodesToTransform }: AnnotationRenderOptions): Parents[] {
    return nodesToTransform.map((node) =>
      h('span', { className: 'elided', title: 'varies from run to run' }, node),
    );
  }
}

/**
 * Console transcripts in code blocks: the copy button copies only the commands, and the
 * verifier's output wildcards are shown as elisions. Needs the frames plugin's
 * `removeCommentsWhenCopyingTerminalFrames: false`, or terminal frames lose every line
 * starting with `#` (root prompts, heredoc comments, script comments) before we see them.
 */
export function pluginTranscripts(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'docker-fundamentals:transcripts',
    // Dimmed, not faded out: 0.7 keeps Starlight's code colours above 4.5:1 contrast.
    baseStyles: `.elided { opacity: 0.7; text-decoration: underline dotted; cursor: help; }`,
    hooks: {
      annotateCode: ({ codeBlock }) => {
        if (!isTranscriptLanguage(codeBlock.language)) return;
        for (const { lineIndex, columnStart, columnEnd } of findElisions(codeBlock.code)) {
          codeBlock
            .getLine(lineIndex)
            ?.addAnnotation(new ElisionAnnotation({ inlineRange: { columnStart, columnEnd } }));
        }
      },
      // Runs after the frames plugin (built-in plugins come first), which made the button.
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (!isTranscriptLanguage(codeBlock.language)) return;
        // Frames stores newlines as U+007F, which its copy script turns back into `\n`.
        const text = selectCopyText(codeBlock.language, codeBlock.code).replaceAll('\n', '\x7f');
        visit(renderData.blockAst, 'element', (element) => {
          if (element.tagName === 'button' && 'dataCode' in element.properties) {
            element.properties.dataCode = text;
          }
        });
      },
    },
  });
}
