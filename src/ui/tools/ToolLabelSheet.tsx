import { LabelSheetScreen } from './LabelSheet';
import { useToolsView } from './use-tools';

/** The label sheet with the tool's name on its stickers, once this phone knows the tool. */
export function ToolLabelSheet({ tool }: { readonly tool?: string | undefined }) {
  const tools = useToolsView();
  const name = tool === undefined ? undefined : tools?.state.tools.get(tool)?.name;
  return <LabelSheetScreen tool={tool} toolName={name} />;
}
