// "What each role may do": one row per kind of work, one column per role, each cell a word (Yes /
// No), never a colour or an icon alone. Built from the same permission functions the screens use
// (shell/permissions.ts), so the labels cannot promise more than the buttons allow.
import { userRoles } from '../../../shared/records/user-inputs';
import { roleCapabilities, roleLabels } from '../shell/permissions';

export function RoleCapabilityTable() {
  return (
    <table className="table" data-testid="role-capabilities">
      <caption>What each role may do</caption>
      <thead>
        <tr>
          <th scope="col">Work</th>
          {userRoles.map((role) => (
            <th scope="col" key={role}>
              {roleLabels[role]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {roleCapabilities.map((capability) => (
          <tr key={capability.what}>
            <th scope="row">{capability.what}</th>
            {userRoles.map((role) => (
              <td key={role}>{capability.allowed(role) ? 'Yes' : 'No'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
