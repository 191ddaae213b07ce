import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { RISK_QUESTIONNAIRE } from '@backstage-itsm/plugin-itsm-common';

/** The risk questionnaire of -common, one radio group per question. */
export function RiskQuestionnaire(props: {
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  errors?: Partial<Record<string, { message?: string }>>;
}) {
  const { value, onChange, errors } = props;
  return (
    <>
      {RISK_QUESTIONNAIRE.map(question => {
        const error = errors?.[question.id]?.message;
        const labelId = `itsm-risk-${question.id}-label`;
        return (
          <FormControl
            key={question.id}
            component="fieldset"
            margin="dense"
            required={question.required}
            error={Boolean(error)}
            fullWidth
          >
            <FormLabel component="legend" id={labelId}>
              {question.text}
            </FormLabel>
            <RadioGroup
              row
              aria-labelledby={labelId}
              name={`risk-${question.id}`}
              value={value[question.id] ?? ''}
              onChange={e =>
                onChange({ ...value, [question.id]: e.target.value })
              }
            >
              {question.answers.map(answer => (
                <FormControlLabel
                  key={answer.id}
                  value={answer.id}
                  control={<Radio size="small" color="primary" />}
                  label={answer.text}
                />
              ))}
            </RadioGroup>
            {error && <FormHelperText>{error}</FormHelperText>}
          </FormControl>
        );
      })}
    </>
  );
}
